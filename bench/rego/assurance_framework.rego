# assurance-framework.reviewed-yearly: in place, published, and adopted or reviewed within the
# 12 months before the assessment date.
package govcheck.rules

import rego.v1

framework := object.get(input.facts, "assurance_framework", null)

# The latest adoption or review held by the assessment date.
reviews := [day | some key in ["reviewed_on", "adopted_on"]; day := object.get(framework, key, null); is_string(day); day <= input.as_of]

# A year after `day`: 29 February gives 28 February.
year_after(day) := sprintf("%04d%s", [to_number(substring(day, 0, 4)) + 1, "-02-28"]) if {
	substring(day, 5, 5) == "02-29"
} else := sprintf("%04d%s", [to_number(substring(day, 0, 4)) + 1, substring(day, 4, 6)])

verdict["assurance-framework.reviewed-yearly"] := "missing_evidence" if {
	framework == null
} else := "not_met" if {
	framework.is_in_place == false
} else := "missing_evidence" if {
	object.get(framework, "published_on", null) == null
	object.get(framework, "url", null) == null
} else := "not_met" if {
	framework.published_on > input.as_of
} else := "missing_evidence" if {
	count(reviews) == 0
} else := "met" if {
	input.as_of <= year_after(max(reviews))
} else := "not_met"
