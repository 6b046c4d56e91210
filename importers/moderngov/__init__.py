"""Meetings from a council's ModernGov committee system, through its web service ``mgWebService.asmx``.

``client`` asks the service (politely, with retries), ``xmlread`` reads its answers with a
hardened parser, ``parse`` turns them into records and ``pull`` reads one committee's meetings.
``attendees``, ``declarations`` and ``approvals`` read who was there, what was declared and when
minutes were approved; ``to_facts`` writes records as facts; ``document`` writes a new facts
file and ``merge`` adds to one typed by hand without changing what was typed.
"""
