#!/usr/bin/env python3
"""The helper of scripts/check-docs: reads the documents' code blocks, runs the Python ones,
and writes the ml-100k layout from synthetic ratings.

  docblocks.py plan OUT_DIR FILE...       writes OUT_DIR/plan.sh: one call per command, in order
  docblocks.py python BLOCK.py LABEL      runs a python block; each expression's value is printed
  docblocks.py ml100k RATINGS_CSV DIR     writes u.data, u.item, u.genre and u1..u5 into DIR

A block runs when it is fenced `sh`, `sql` or `python`. An HTML comment on the line before
the fence changes that:

  <!-- check-docs: skip (reason) -->            the block is not run; the reason is printed
  <!-- check-docs: offline (reason) -->         each `cflab data fetch NAME` line gets
                                                `--url file://… --sha256 …` of a local zip
  <!-- check-docs: may be empty: "label" -->    the sql statement whose comment starts with
                                                label may print no row (repeatable)

A `sql` block is run statement by statement through the `sqlite3` command of the `sh` block
just before it, and each statement must print a row. A `python` block runs on its own.
"""
import ast
import os
import random
import re
import shlex
import subprocess
import sys

FENCE = re.compile(r"^```([A-Za-z0-9_+-]*)\s*$")
MARK = re.compile(r"^<!--\s*check-docs:\s*(skip|offline|may be empty)\s*:?\s*(.*?)\s*-->\s*$")
RUN = {"sh", "sql", "python"}


class Block:
    def __init__(self, path, line, lang, lines, marks, after_blank):
        self.path, self.line, self.lang, self.lines, self.marks = path, line, lang, lines, marks
        self.after_blank = after_blank  # whether text stands between this block and the one before

    def mark(self, kind):
        return [text for name, text in self.marks if name == kind]


def blocks(path):
    """The fenced blocks of a markdown file, with the check-docs marks just before each."""
    found, lines = [], open(path, encoding="utf-8").read().split("\n")
    index, prose_since_block = 0, True
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if not fence:
            if lines[index].strip() and not MARK.match(lines[index]):
                prose_since_block = True
            index += 1
            continue
        marks, back = [], index - 1
        while back >= 0 and MARK.match(lines[back]):
            name, text = MARK.match(lines[back]).groups()
            marks.insert(0, (name, text))
            back -= 1
        start, body = index + 1, []
        index += 1
        while index < len(lines) and not lines[index].startswith("```"):
            body.append(lines[index])
            index += 1
        if index == len(lines):
            sys.exit(f"docs: {path}:{start}: unterminated ``` block")
        found.append(Block(path, start, fence.group(1), body, marks, prose_since_block))
        prose_since_block = False
        index += 1
    return found


def complete(text):
    """Whether `text` is a whole shell command (quotes, loops and continuations closed)."""
    if text.rstrip().endswith("\\"):
        return False
    return subprocess.run(["bash", "-n", "-c", text], capture_output=True).returncode == 0


def shell_commands(block):
    """(line, text) of each command of an sh block; comment and blank lines are left out."""
    commands, pending, first = [], [], None
    for offset, line in enumerate(block.lines):
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if not pending:
            first = block.line + offset
        pending.append(line)
        if complete("\n".join(pending)):
            commands.append((first, "\n".join(pending)))
            pending = []
    if pending:
        sys.exit(f"docs: {block.path}:{first}: the command never ends (an open quote or a trailing \\)")
    return commands


def sql_statements(block):
    """(line, label, statement) of an sql block; label is the `--` comment just before it."""
    statements, pending, label, first = [], [], "", None
    for offset, line in enumerate(block.lines):
        stripped = line.strip()
        if not pending and stripped.startswith("--"):
            label = stripped[2:].strip()
            continue
        if not pending and not stripped:
            continue
        if not pending:
            first = block.line + offset
        pending.append(line)
        if stripped.endswith(";"):
            statements.append((first, label, "\n".join(pending)))
            pending, label = [], ""
    if pending:
        sys.exit(f"docs: {block.path}:{first}: an sql statement without its closing ;")
    return statements


def plan(out_dir, paths):
    """Writes plan.sh: the calls of check-docs's runner functions, in document order."""
    calls = []
    for path in paths:
        found = blocks(path)
        for number, block in enumerate(found):
            where = f"{path}:{block.line}"
            if block.lang not in RUN:
                if block.mark("skip") or block.mark("offline"):
                    sys.exit(f"docs: {where}: a check-docs mark on a ```{block.lang} block, which is never run")
                continue
            skips = block.mark("skip")
            if skips:
                reason = skips[0].strip("() ") or "no reason given"
                if reason == "no reason given":
                    sys.exit(f"docs: {where}: a skip needs its reason: <!-- check-docs: skip (why) -->")
                calls.append(["docs_skip", where, first_line(block), reason])
                continue
            if block.lang == "sh":
                following = found[number + 1] if number + 1 < len(found) else None
                opener = following is not None and following.lang == "sql" and not following.after_blank
                calls.append(["docs_block", where, "sh"])
                for line, text in shell_commands(block):
                    if opener:
                        calls.append(["docs_opener", f"{path}:{line}", text])
                    elif block.mark("offline"):
                        calls.append(["docs_offline", f"{path}:{line}", text])
                    else:
                        calls.append(["docs_command", f"{path}:{line}", text])
            elif block.lang == "sql":
                before = found[number - 1] if number > 0 else None
                if before is None or before.lang != "sh" or block.after_blank:
                    sys.exit(f"docs: {where}: an sql block runs through the sqlite3 command of an sh block just before it, and there is none")
                optional = [re.match(r'"([^"]*)"', text).group(1) if text.startswith('"') else text
                            for text in block.mark("may be empty")]
                calls.append(["docs_block", where, "sql"])
                for line, label, statement in sql_statements(block):
                    may_be_empty = any(label.startswith(prefix) for prefix in optional)
                    calls.append(["docs_sql", f"{path}:{line}", label or statement.split("\n")[0], statement,
                                  "may-be-empty" if may_be_empty else "rows"])
                for prefix in optional:
                    if not any(label.startswith(prefix) for _, label, _ in sql_statements(block)):
                        sys.exit(f"docs: {where}: `may be empty: \"{prefix}\"` names no statement of the block")
            else:
                code = os.path.join(out_dir, f"block-{len(calls):03d}.py")
                with open(code, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(block.lines) + "\n")
                calls.append(["docs_block", where, "python"])
                calls.append(["docs_python", where, first_line(block), code])
    with open(os.path.join(out_dir, "plan.sh"), "w", encoding="utf-8") as handle:
        for call in calls:
            handle.write(" ".join(shlex.quote(part) for part in call) + "\n")


def first_line(block):
    """The first line of a block that is neither blank nor a comment, for messages."""
    for line in block.lines:
        if line.strip() and not line.lstrip().startswith(("#", "--")):
            return line.strip()
    return block.lines[0].strip() if block.lines else ""


def run_python(path, label):
    """Runs a python block as a notebook cell would: each bare expression's value is
    printed. An expression, or a name the block binds, that holds no row fails it."""
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source, filename=label)
    scope = {"__name__": "__main__"}
    bound = set()
    for node in tree.body:
        for target in ast.walk(node):
            if isinstance(target, ast.Name) and isinstance(target.ctx, ast.Store):
                bound.add(target.id)
        if isinstance(node, ast.Expr):
            value = eval(compile(ast.Expression(node.value), label, "eval"), scope)
            if value is not None:
                print(value)
            if empty(value):
                sys.exit(f"{label}:{node.lineno}: `{ast.unparse(node.value)}` holds no row")
        else:
            exec(compile(ast.Module([node], type_ignores=[]), label, "exec"), scope)
    for name in sorted(bound):
        if empty(scope.get(name)):
            sys.exit(f"{label}: `{name}` holds no row")


def empty(value):
    """Whether a table-like value (a DataFrame, a Series, a list of rows) holds nothing."""
    kind = type(value).__name__
    if kind in ("DataFrame", "Series", "list", "tuple", "ndarray"):
        return len(value) == 0
    return False


GENRES = ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
          "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
          "War", "Western"]


def ml100k(ratings_csv, folder):
    """ml-100k's files from `cflab data synth` ratings: whole stars 1-5, tab-separated
    u.data, pipe-separated u.item with 19 genre flags, u.genre, and five folds u1..u5
    (uN.test holds every fifth rating, from a seeded shuffle, as GroupLens's do)."""
    rows = []
    with open(ratings_csv, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            user, item, rating, stamp = line.strip().split(",")
            rows.append((int(user), int(item), min(5, max(1, round(float(rating)))), int(stamp)))
    os.makedirs(folder, exist_ok=True)

    def write(name, part):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.writelines(f"{u}\t{i}\t{r}\t{t}\n" for u, i, r, t in sorted(part))

    write("u.data", rows)
    items = sorted({item for _, item, _, _ in rows})
    with open(os.path.join(folder, "u.item"), "w", encoding="utf-8") as handle:
        for item in items:
            flags = ["1" if (item + g) % 7 == 0 else "0" for g in range(len(GENRES))]
            handle.write(f"{item}|Synthetic movie {item} (1995)|01-Jan-1995||http://example.org/{item}|" + "|".join(flags) + "\n")
    with open(os.path.join(folder, "u.genre"), "w", encoding="utf-8") as handle:
        handle.writelines(f"{name}|{index}\n" for index, name in enumerate(GENRES))
    order = list(range(len(rows)))
    random.Random(5).shuffle(order)
    for fold in range(5):
        test = [rows[p] for n, p in enumerate(order) if n % 5 == fold]
        base = [rows[p] for n, p in enumerate(order) if n % 5 != fold]
        write(f"u{fold + 1}.base", base)
        write(f"u{fold + 1}.test", test)


def main(argv):
    if len(argv) >= 3 and argv[1] == "plan":
        plan(argv[2], argv[3:])
    elif len(argv) == 4 and argv[1] == "python":
        run_python(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == "ml100k":
        ml100k(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
