"""Benchmarks for unionkg: ``python -m benchmarks [--quick]`` prints a table.

Figures (issue 7): ingest throughput, bulk load, SPARQL latency against
rdflib, ask latency, HTTP throughput against ``oxigraph serve``.  Synthetic
data comes from :mod:`benchmarks.corpus` (text documents) and
:mod:`benchmarks.synthetic_graph` (N-Quads in the shape of the graph model).
"""
