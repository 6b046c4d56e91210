# Views of the facts the rules read, as govcheck's engine/facts/views.py defines them.
package govcheck.views

import rego.v1

member_roles := {"chair", "deputy-chair", "member", "co-optee"}

bodies := {body.id: body | some body in input.facts.bodies}

# The board, and every body deciding on or with delegated authority over public money.
decision_body(body) if body.decides_on_public_money == true

decision_body(body) if body.has_delegated_authority == true

decision_body(body) if {
	body.kind == "board"
	not body.decides_on_public_money == false
}

decision_body(body) if {
	body.kind != "board"
	object.get(body, "decides_on_public_money", null) == null
	object.get(body, "has_delegated_authority", null) == null
}

current(role) if {
	object.get(role, "appointed_on", "0000-00-00") <= input.as_of
	object.get(role, "left_on", "9999-99-99") > input.as_of
}

lapsed(role) if {
	object.get(role, "left_on", null) == null
	object.get(role, "term_ends_on", "9999-99-99") < input.as_of
}

# A person's seats on bodies chosen by `kind` ("board" or "decision"): the first one counts.
seats(kind) := [{"person": person, "role": role, "body": bodies[role.body], "index": i} | some person in input.facts.people; role := person.roles[i]; seat_chosen(kind, role); not earlier_seat(kind, person, i)]

earlier_seat(kind, person, i) if {
	some j, other in person.roles
	j < i
	seat_chosen(kind, other)
}

seat_chosen(kind, role) if {
	body := bodies[role.body]
	in_view(kind, body)
	role.role in member_roles
	current(role)
	not lapsed(role)
}

in_view("board", body) if body.kind == "board"

in_view("decision", body) if decision_body(body)

board_members := seats("board")

decision_makers := seats("decision")

decision_meetings := [meeting | some meeting in input.facts.meetings; meeting.held_on <= input.as_of; body := bodies[meeting.body]; decision_body(body)]

# Seats whose term ended unrecorded: the members are then listed only in part.
partly_listed(kind) if {
	some person in input.facts.people
	some role in person.roles
	in_view(kind, bodies[role.body])
	lapsed(role)
}

partly_listed(kind) if {
	some body in input.facts.bodies
	in_view(kind, body)
	body.is_membership_complete == false
}

# How the items of an "each" rule add up, as engine/assess/evaluate.py's _aggregate does.
aggregate(statuses) := "not_applicable" if {
	count(statuses) > 0
	every s in statuses { s == "not_applicable" }
} else := "met" if {
	failed(statuses) == 0
	unknown(statuses) == 0
} else := "missing_evidence" if {
	failed(statuses) == 0
} else := "not_met" if {
	passed(statuses) == 0
} else := "partial"

passed(statuses) := count([s | some s in statuses; s in {"met", "not_applicable"}])

failed(statuses) := count([s | some s in statuses; s in {"not_met", "partial"}])

unknown(statuses) := (count(statuses) - passed(statuses)) - failed(statuses)
