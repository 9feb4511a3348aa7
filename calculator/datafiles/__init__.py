"""Reading the data files (build time only): PyYAML with line numbers, then the engine's validation.

``source`` parses YAML into plain values plus the line and column of every key; ``load`` validates
roles.yaml and sizing.yaml together with the engine's specs and reports every problem at once.
"""
