# risk.audit-committee-in-place: at least one body has an audit and risk remit.
package govcheck.rules

import rego.v1

verdict["risk.audit-committee-in-place"] := "met" if {
	some body in input.facts.bodies
	body.has_audit_and_risk_remit == true
} else := "not_met"
