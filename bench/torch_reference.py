#!/usr/bin/env python3
"""PyTorch CPU on the training cases of `cflab bench`, on the very same ratings.

Each case mirrors one of `cflab bench --list` (same model, optimiser, batch size and data
shape) and reports what cflab reports: training ratings/s (median over epochs), seconds
per epoch (median, min, max; training only, as cflab's ratings/s), peak RSS and threads.

Data: the files `cflab bench` caches under $CFLAB_BENCH_DATA (default
~/.cache/cflab/bench/synthetic-<users>x<items>-<ratings>/ratings.csv). A missing file is
written with `cflab data synth` (the same generator and options: rank 8, noise 0.3,
seed 7), using $CFLAB_BIN (default .build-release/release/cflab, else `cflab` on PATH).

Semantics, chosen to match cflab's cases:
- dot / dot_bias: nn.Embedding(sparse=True) tables, init N(0, 0.01); lazy Adam is
  torch.optim.SparseAdam (the PyTorch counterpart of cflab's lazy Adam and AdamW: PyTorch
  has no sparse AdamW), SGD is torch.optim.SGD on sparse gradients.
- nn: fastai's EmbeddingNN shape (auto embedding sizes, [100, 50] ReLU layers, sigmoid
  range [0, 5.5]); sparse embeddings with SparseAdam, the dense layers with Adam.
- The loss is the batch MSE; the split is a seeded random 80/20.

Not run in CI. Install: pip install torch==2.13.0+cpu (a plain `pip install torch` pulls
CUDA wheels). Run right after `cflab bench` on the same machine:

    cflab bench --case sgd-20m,adam-20m --threads 2
    python3 bench/torch_reference.py --case sgd-20m,adam-20m --threads 2
"""

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

import numpy as np
import torch
from torch import nn

ML100K = (943, 1682, 100_000)
ML20M = (138_493, 26_744, 20_000_000)


def twentieth(shape):
    return tuple(value // 20 for value in shape)


# name: (model, embedding dim, optimizer, batch size, shape)
CASES = {
    "dot": ("dot", 50, "adam", 64, ML100K),
    "dot_bias": ("dot_bias", 50, "adam", 64, ML100K),
    "nn": ("nn", "auto", "adam", 64, ML100K),
    "nn-b1024": ("nn", "auto", "adam", 1024, ML100K),
    "sgd-20m": ("dot_bias", 64, "sgd", 1024, ML20M),
    "adam-20m": ("dot_bias", 64, "adam", 1024, ML20M),
    "adamw-20m": ("dot_bias", 64, "adam", 1024, ML20M),
    # cflab's DSGD cases train the same model: PyTorch's figure is sgd-20m's or adam-20m's.
    "sgd-20m-b4": ("dot_bias", 64, "sgd", 1024, ML20M),
    "adam-20m-b4": ("dot_bias", 64, "adam", 1024, ML20M),
    # Dense AdamW (every row every step, fastai's semantics): 200 steps per epoch.
    "dense-adamw-20m": ("dot_bias", 64, "adamw_dense", 1024, ML20M),
}

# Cases that time a fixed number of steps per epoch instead of the whole training part.
STEPS = {"dense-adamw-20m": 200}


def bench_root():
    return os.environ.get("CFLAB_BENCH_DATA") or os.path.join(os.path.expanduser("~"), ".cache", "cflab", "bench")


def ratings_file(shape):
    users, items, count = shape
    folder = os.path.join(bench_root(), f"synthetic-{users}x{items}-{count}")
    path = os.path.join(folder, "ratings.csv")
    if not os.path.exists(path):
        binary = os.environ.get("CFLAB_BIN") or (
            ".build-release/release/cflab" if os.path.exists(".build-release/release/cflab") else shutil.which("cflab"))
        if not binary:
            sys.exit(f"error: {path} is missing; run `cflab bench --case load-20m` or set CFLAB_BIN")
        partial = folder + f".partial-{os.getpid()}"
        subprocess.run([binary, "data", "synth", "--out", partial, "--users", str(users), "--items", str(items),
                        "--ratings", str(count), "--rank", "8", "--noise", "0.3", "--seed", "7"], check=True)
        os.makedirs(bench_root(), exist_ok=True)
        os.replace(partial, folder)
    return path


def load(shape):
    """Dense user and item ids, and ratings, from the case's ratings.csv."""
    table = np.loadtxt(ratings_file(shape), delimiter=",", skiprows=1, usecols=(0, 1, 2), dtype=np.float64)
    _, users = np.unique(table[:, 0].astype(np.int64), return_inverse=True)
    _, items = np.unique(table[:, 1].astype(np.int64), return_inverse=True)
    return (torch.from_numpy(users.astype(np.int64)), torch.from_numpy(items.astype(np.int64)),
            torch.from_numpy(table[:, 2].astype(np.float32)), int(users.max()) + 1, int(items.max()) + 1)


def emb_size(count):
    """fastai's emb_sz_rule."""
    return min(600, round(1.6 * count ** 0.56))


class DotBias(nn.Module):
    def __init__(self, users, items, width, biases, sparse=True):
        super().__init__()
        self.user = nn.Embedding(users, width, sparse=sparse)
        self.item = nn.Embedding(items, width, sparse=sparse)
        for table in (self.user, self.item):
            nn.init.normal_(table.weight, std=0.01)
        self.biases = biases
        if biases:
            self.user_bias = nn.Embedding(users, 1, sparse=sparse)
            self.item_bias = nn.Embedding(items, 1, sparse=sparse)
            nn.init.zeros_(self.user_bias.weight)
            nn.init.zeros_(self.item_bias.weight)

    def forward(self, users, items):
        out = (self.user(users) * self.item(items)).sum(1)
        if self.biases:
            out = out + self.user_bias(users).squeeze(1) + self.item_bias(items).squeeze(1)
        return out


class EmbeddingNN(nn.Module):
    def __init__(self, users, items, layers=(100, 50), y_range=(0.0, 5.5)):
        super().__init__()
        self.user = nn.Embedding(users, emb_size(users), sparse=True)
        self.item = nn.Embedding(items, emb_size(items), sparse=True)
        widths = [emb_size(users) + emb_size(items), *layers]
        blocks = []
        for fan_in, fan_out in zip(widths, widths[1:]):
            blocks += [nn.Linear(fan_in, fan_out), nn.ReLU()]
        blocks.append(nn.Linear(widths[-1], 1))
        self.layers = nn.Sequential(*blocks)
        self.y_range = y_range

    def forward(self, users, items):
        x = self.layers(torch.cat([self.user(users), self.item(items)], dim=1)).squeeze(1)
        low, high = self.y_range
        return torch.sigmoid(x) * (high - low) + low


def optimizers(model, kind):
    sparse = [p for name, p in model.named_parameters() if name.split(".")[0] in ("user", "item", "user_bias", "item_bias")]
    dense = [p for name, p in model.named_parameters() if name.split(".")[0] not in ("user", "item", "user_bias", "item_bias")]
    if kind == "adamw_dense":
        return [torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)]
    if kind == "sgd":
        chosen = [torch.optim.SGD(sparse, lr=0.05)]
        if dense:
            chosen.append(torch.optim.SGD(dense, lr=0.05))
        return chosen
    chosen = [torch.optim.SparseAdam(sparse, lr=1e-3)]
    if dense:
        chosen.append(torch.optim.Adam(dense, lr=1e-3))
    return chosen


def run_case(name, epochs, threads):
    model_kind, _, optimizer_kind, batch, shape = CASES[name]
    torch.manual_seed(1)
    users, items, ratings, user_count, item_count = load(shape)
    order = torch.randperm(len(ratings), generator=torch.Generator().manual_seed(42))
    cut = int(round(0.8 * len(ratings)))
    train, valid = order[:cut], order[cut:]
    if name in STEPS:
        train = train[:STEPS[name] * batch]
        valid = valid[:len(train)]
    if model_kind == "nn":
        model = EmbeddingNN(user_count, item_count)
    else:
        model = DotBias(user_count, item_count, CASES[name][1], biases=model_kind == "dot_bias",
                        sparse=optimizer_kind != "adamw_dense")
    chosen = optimizers(model, optimizer_kind)
    seconds, rates = [], []
    for _ in range(epochs):
        shuffled = train[torch.randperm(len(train))]
        start = time.perf_counter()
        for first in range(0, len(shuffled), batch):
            index = shuffled[first:first + batch]
            loss = ((model(users[index], items[index]) - ratings[index]) ** 2).mean()
            for optimizer in chosen:
                optimizer.zero_grad()
            loss.backward()
            for optimizer in chosen:
                optimizer.step()
        elapsed = time.perf_counter() - start
        seconds.append(elapsed)
        rates.append(len(train) / elapsed)
    with torch.no_grad():
        predicted = torch.cat([model(users[valid[i:i + 65536]], items[valid[i:i + 65536]])
                               for i in range(0, len(valid), 65536)])
        rmse = math.sqrt(float(((predicted - ratings[valid]) ** 2).mean()))
    label = f"{shape[0]}x{shape[1]} " + (f"{shape[2] // 1_000_000}M" if shape[2] >= 1_000_000 else f"{shape[2] // 1000}k")
    return {
        "case": name, "model": model_kind, "optimizer": {"sgd": "sgd sparse", "adamw_dense": "adamw dense"}.get(optimizer_kind, "sparse_adam"),
        "batch_size": batch, "data": label, "train_ratings": len(train), "threads": threads,
        "ratings_per_second": statistics.median(rates), "seconds_median": statistics.median(seconds),
        "seconds_min": min(seconds), "seconds_max": max(seconds),
        "peak_megabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "valid_rmse": rmse,
        "repetitions": epochs, "seconds": seconds, "torch": torch.__version__, "cpu": cpu_model(),
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", default="dot,dot_bias,nn", help="comma-separated; `all` for every case")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    parser.add_argument("--quick", action="store_true", help="the 20M cases at a twentieth of the shape")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    names = list(CASES) if args.case == "all" else [name.strip() for name in args.case.split(",") if name.strip()]
    for name in names:
        if name not in CASES:
            sys.exit(f"error: unknown case '{name}'; choose from {', '.join(CASES)}")
        if args.quick and CASES[name][4] == ML20M:
            model, width, optimizer, batch, _ = CASES[name]
            CASES[name] = (model, width, optimizer, batch, twentieth(ML20M))
    rows = [run_case(name, args.epochs, args.threads) for name in names]
    if args.format == "json":
        for row in rows:
            print(json.dumps(row))
        return
    print(f"cpu: {cpu_model()}, torch {torch.__version__}, {args.threads} threads")
    header = ["case", "optimizer", "batch", "data", "train ratings", "ratings/s", "s/epoch", "min", "max", "peak MB", "valid_rmse"]
    print("  ".join(header))
    for row in rows:
        print("  ".join([row["case"], row["optimizer"], str(row["batch_size"]), row["data"], str(row["train_ratings"]),
                         f"{row['ratings_per_second']:.0f}", f"{row['seconds_median']:.3f}", f"{row['seconds_min']:.3f}",
                         f"{row['seconds_max']:.3f}", f"{row['peak_megabytes']:.1f}", f"{row['valid_rmse']:.4f}"]))


if __name__ == "__main__":
    main()
