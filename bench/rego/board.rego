# board.at-most-20-members, board.two-thirds-private-sector, board.chair-from-private-sector
package govcheck.rules

import data.govcheck.views
import rego.v1

board_limit := min({20, input.facts.local_commitments.board_members_maximum}) if {
	input.facts.local_commitments.board_members_maximum
} else := 20

not_co_optees := [seat | some seat in views.board_members; seat.role.role != "co-optee"]

verdict["board.at-most-20-members"] := "missing_evidence" if {
	count(views.board_members) == 0
} else := "missing_evidence" if {
	views.partly_listed("board")
	count(not_co_optees) <= board_limit
} else := "met" if {
	count(not_co_optees) <= board_limit
} else := "not_met"

private_members := [seat | some seat in views.board_members; seat.person.sector == "private"]

verdict["board.two-thirds-private-sector"] := "missing_evidence" if {
	count(views.board_members) == 0
} else := "missing_evidence" if {
	views.partly_listed("board")
} else := "met" if {
	count(private_members) * 3 >= count(views.board_members) * 2
} else := "not_met"

chairs := [seat | some seat in views.board_members; seat.role.role == "chair"]

verdict["board.chair-from-private-sector"] := "missing_evidence" if {
	count(views.board_members) == 0
} else := "not_met" if {
	count(chairs) != 1
} else := "met" if {
	chairs[0].person.sector == "private"
} else := "not_met"
