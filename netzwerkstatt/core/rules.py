"""Who may do what, in one place.

Every permission is a rule over a `Scope` (workspace, user, role). Views declare
the permission they need (`scoped_view(permission=...)`), the API checks the same
names and templates ask `scope.can`. Partners read what is shared with them and
write nothing.
"""

import rules

from .enums import Role


@rules.predicate
def is_lead(scope) -> bool:
    return scope.role == Role.LEAD


@rules.predicate
def is_staff_member(scope) -> bool:
    return scope.role == Role.STAFF


@rules.predicate
def is_partner(scope) -> bool:
    return scope.role == Role.PARTNER


is_member = is_lead | is_staff_member | is_partner
is_team = is_lead | is_staff_member

permissions = rules.RuleSet()
permissions.add_rule("view_workspace", is_member)
permissions.add_rule("view_contacts", is_member)
permissions.add_rule("view_notes", is_team)
permissions.add_rule("change_contacts", is_team)
permissions.add_rule("delete_contacts", is_team)
permissions.add_rule("import_contacts", is_team)
permissions.add_rule("export_contacts", is_team)
permissions.add_rule("manage_workspace", is_lead)
# The relationship network: partners see shared ties without trust, and no recommendations or team.
permissions.add_rule("change_network", is_team)
permissions.add_rule("view_trust", is_team)
permissions.add_rule("view_recommendations", is_team)
permissions.add_rule("view_team", is_team)
permissions.add_rule("manage_team", is_lead)
# Health figures name persons and their ties: the team's working view, not for partners.
permissions.add_rule("view_network_health", is_team)
# Events name participants, their notes and attendance: the team's, not shared with partners.
permissions.add_rule("view_events", is_team)
permissions.add_rule("change_events", is_team)
# The measures catalogue belongs to a project, and partners see no projects: the team's
# working material for acquisition. The needs vocabulary is shared by every project of the
# workspace (measures now, later dossiers and target lists), so the lead keeps it.
permissions.add_rule("view_measures", is_team)
permissions.add_rule("change_measures", is_team)
permissions.add_rule("manage_needs", is_lead)
# Dossiers, pipelines, benefit statements and acquisition figures: the team's working
# material about companies that have not agreed to anything yet; never shown to partners.
permissions.add_rule("view_acquisition", is_team)
permissions.add_rule("change_acquisition", is_team)
# Networks name their members, interests, minutes and action items: the team steers them.
permissions.add_rule("view_steering", is_team)
permissions.add_rule("change_steering", is_team)
# Data protection: the team records consents; the lead, who answers for the workspace's
# data protection, answers access requests, erases persons, sets retention periods and
# reads the audit log and the records of processing.
permissions.add_rule("view_consents", is_team)
permissions.add_rule("change_consents", is_team)
permissions.add_rule("export_personal_data", is_lead)
permissions.add_rule("erase_personal_data", is_lead)
permissions.add_rule("manage_privacy", is_lead)
permissions.add_rule("view_audit", is_lead)


def scope_has_permission(scope, permission: str) -> bool:
    if not permissions.rule_exists(permission):
        raise ValueError(f"Unknown permission {permission!r}")
    return permissions.test_rule(permission, scope)
