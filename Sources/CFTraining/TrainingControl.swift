/// What the caller of `Trainer.run` wants after an epoch: go on, or stop now.
///
/// `.stop` serves pruning (a sweep's sampler gives up on a trial) and Ctrl-C; the run
/// then ends with status `stopped`, keeping the epochs done so far.
public enum TrainingControl: Sendable, Equatable {
    case `continue`
    case stop
}
