// The umbrella module: `import Dive` gives every part of the library.
@_exported import DiveCore
@_exported import DiveNN
@_exported import DiveOptim
@_exported import DiveData
@_exported import DiveTrain
@_exported import DivePlot
@_exported import DiveExport
