# accountable-body.s151-letter-by-28-february: the letter for the latest year whose 28 February has passed.
package govcheck.rules

import rego.v1

as_of_year := to_number(substring(input.as_of, 0, 4))

letter_year := as_of_year - 1 if {
	input.as_of < sprintf("%d-02-28", [as_of_year])
} else := as_of_year

letter_due := sprintf("%d-02-28", [letter_year])

letters := [letter | some letter in object.get(input.facts, ["accountable_body", "assurance_letters"], []); letter.year == letter_year]

verdict["accountable-body.s151-letter-by-28-february"] := "missing_evidence" if {
	count(letters) == 0
} else := "missing_evidence" if {
	object.get(letters[0], "sent_on", null) == null
} else := "met" if {
	letters[0].sent_on <= letter_due
} else := "not_met"
