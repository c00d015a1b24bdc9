# generated from spec/ by `nox -s generate`; do not edit
"""Contains endpoint functions for accessing the API"""
