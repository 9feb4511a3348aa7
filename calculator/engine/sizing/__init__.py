"""The sizing model: sizing.yaml's value types and specs, the workload, packing into positions, the plan.

- ``model``: value types (parameters with their ranges and sources; the role catalogue from roles.yaml)
  and :func:`~.model.iter_parameters`, the one list of where every parameter lives;
- ``specs``: sizing.yaml's schema; ``loading``: its cross-checks and the model built from plain data
  (YAML at build time, sizing.json in the browser);
- ``workload``: a scenario's drivers (hours per role), ``packing``: FTE into positions (monotone),
  ``plan``: leadership, range, peak, warnings -> :class:`~.plan.Plan` (structured facts, no sentences);
- ``wording``: the sentences, one labels table per language; ``plan_data``: the plan as JSON.
"""
