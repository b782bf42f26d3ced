"""Proofread plugin: French spelling, grammar, repetition and typography of the content."""

from .proofread import register

__all__ = ["register"]
