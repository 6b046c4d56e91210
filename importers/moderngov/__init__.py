"""Meetings from a council's ModernGov committee system, through its web service ``mgWebService.asmx``.

``client`` asks the service (politely, with retries), ``xmlread`` reads its answers with a
hardened parser, ``parse`` turns them into records, ``declarations`` reads interests declared
from the minutes, ``to_facts`` writes records as facts, and ``merge`` adds them to a facts file
typed by hand without changing what was typed.
"""
