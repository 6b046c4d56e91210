# registers.published-within-28-days: each decision maker's register within 28 days of appointment
# (or the LEP's own shorter commitment).
package govcheck.rules

import data.govcheck.views
import rego.v1

register_days := min({28, input.facts.local_commitments.register_days_after_appointment}) if {
	input.facts.local_commitments.register_days_after_appointment
} else := 28

day_ns := ((24 * 60) * 60) * 1000000000

plus_days(day, days) := date if {
	[y, m, d] := time.date(time.parse_ns("2006-01-02", day) + days * day_ns)
	date := sprintf("%04d-%02d-%02d", [y, m, d])
}

register_status(seat) := "missing_evidence" if {
	object.get(seat.role, "appointed_on", null) == null
} else := status if {
	due := plus_days(seat.role.appointed_on, register_days)
	published := object.get(seat.person, ["register_of_interests", "published_on"], null)
	status := published_status(published, due)
}

published_status(published, due) := "met" if {
	published == null
	input.as_of <= due
} else := "missing_evidence" if {
	published == null
} else := "met" if {
	published <= due
} else := "not_met"

verdict["registers.published-within-28-days"] := "missing_evidence" if {
	count(views.decision_makers) == 0
} else := status if {
	statuses := [register_status(seat) | some seat in views.decision_makers]
	aggregated := views.aggregate(statuses)
	status := partly(aggregated)
}

partly("met") := "missing_evidence" if views.partly_listed("decision")

else := "met"

partly(status) := status if status != "met"
