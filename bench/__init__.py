"""Benchmarks (`python -m bench`) and the load test (`python -m bench.load`); not tests."""
