# generated from spec/ by `nox -s generate`; do not edit
"""Contains methods for accessing the API"""
