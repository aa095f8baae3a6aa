package triage

// DebugBurst, when set, is told about each burst the engine sees.
var DebugBurst func(format string, args ...any)
