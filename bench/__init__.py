"""Benchmarks: every figure is a ratio measured side by side in one run, with the absolute numbers for context."""
