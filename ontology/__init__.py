"""The ontology (Turtle files beside this one) and the project's own namespace IRIs.

This is the one place the IRIs are written in Python: extract/ and graph/ import them from here,
and tests/test_ontology.py checks that the Turtle files' @prefix declarations agree.
"""

BASE = "https://w3id.org/disclosure-kg/"
DKG = BASE + "def#"  # classes and properties
DOMAIN = BASE + "domain/"  # the domain concept scheme
METRIC = BASE + "metric/"  # the metric concept scheme (measures of the Data Cube)
BREAKDOWN = BASE + "breakdown/"  # code lists of the cube's dimensions
FORMAT = BASE + "format/"  # report formats (2008, 2019, 2021)
SHAPES = BASE + "shapes#"  # SHACL shapes
INSTANCES = BASE + "id/"  # default base of minted IRIs (reports, agencies, observations)

DOMAIN_SCHEME = DOMAIN + "scheme"
