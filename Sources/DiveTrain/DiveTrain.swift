// The training loop, metrics, history, progress display and checkpoints.
@_exported import DiveNN
