# transparency.papers-5-clear-working-days-before: each decision meeting's papers published at least
# 5 clear working days before it (or the LEP's own larger number), from the Best Practice Guidance on.
package govcheck.rules

import data.govcheck.views
import rego.v1

papers_days := max({5, input.facts.local_commitments.papers_clear_working_days}) if {
	input.facts.local_commitments.papers_clear_working_days
} else := 5

day_ns_papers := ((24 * 60) * 60) * 1000000000

# Working days strictly between two days: neither the day of publication nor of the meeting counts.
clear_working_days(start, end) := count([offset | first := time.parse_ns("2006-01-02", start); days := (time.parse_ns("2006-01-02", end) - first) / day_ns_papers; days > 1; some offset in numbers.range(1, days - 1); at := first + offset * day_ns_papers; not time.weekday(at) in {"Saturday", "Sunday"}; [y, m, d] := time.date(at); not sprintf("%04d-%02d-%02d", [y, m, d]) in data.holidays])

papers_status(meeting) := "missing_evidence" if {
	object.get(meeting, "papers_published_on", null) == null
} else := "met" if {
	clear_working_days(meeting.papers_published_on, meeting.held_on) >= papers_days
} else := "not_met"

verdict["transparency.papers-5-clear-working-days-before"] := "not_applicable" if {
	input.as_of < "2018-01-31"
} else := "missing_evidence" if {
	object.get(input.facts, "meetings", null) == null
} else := "missing_evidence" if {
	count(views.decision_meetings) == 0
} else := views.aggregate([papers_status(meeting) | some meeting in views.decision_meetings])
