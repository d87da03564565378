import CFCore

/// Checks the config keys and epochs a user types (`compare --group-by`, `report
/// --color-by`, `compare --at N`) against the runs selected, before anything is laid out.
///
/// A key no selected run has, or an epoch no selected run reached, would otherwise give an
/// empty or meaningless answer with exit 0.
enum KeyCheck {
    /// Throws `unknownKey` for the first of `keys` that no run of `runs` has in its config.
    static func requireKnown(_ keys: [String], option: String, in runs: [ComparedRun]) throws {
        let known = knownKeys(runs)
        let lookup = Set(known)
        for key in keys where !lookup.contains(key) {
            throw ReportError.unknownKey(option: option, key: key, hint: EditDistance.hint(for: key, among: known))
        }
    }

    /// Throws `epochNotReached` when `choice` is an epoch number past every run's last epoch.
    static func requireReached(_ choice: EpochChoice, runs: [ComparedRun]) throws {
        guard case let .epoch(number) = choice, !runs.isEmpty, runs.allSatisfy({ $0.epoch == nil }) else { return }
        throw ReportError.epochNotReached(number, longest: runs.compactMap(\.lastEpoch).max() ?? 0)
    }

    /// The config keys of the runs, in the order they first appear.
    static func knownKeys(_ runs: [ComparedRun]) -> [String] {
        var seen: Set<String> = []
        var keys: [String] = []
        for run in runs { for key in run.parameterOrder where seen.insert(key).inserted { keys.append(key) } }
        return keys
    }
}
