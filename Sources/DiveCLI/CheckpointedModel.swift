import Dive

/// A model rebuilt from a checkpoint, with the test set it is evaluated on; shared by
