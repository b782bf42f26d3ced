"""Events plugin: afterworks, meetups, techcamps, trainings and webinars, with calendars."""

from .events import register

__all__ = ["register"]
