"""Personal data: which fields hold it, and the profiles that leave it out or pseudonymise it.

The model marks personal data in field metadata (see ``cfbu_toolkit.model._base.pii``):
everything about a :class:`~cfbu_toolkit.model.ContactPerson` and every reference to one
(signatories, members, participants, facilitators, responsible persons). Free text is
marked too (``cfbu_text``), and under a profile *every* free-text field is cleaned, marked
personal or not: people write names into descriptions, headings and agendas. Profiles:

``keep``
    everything as it is.
``pseudonymise``
    each contact person gets a stable pseudonym derived from their id (the same id gives the
    same pseudonym in every plan, every part and every export, so rows still join); e-mail,
    phone and role are dropped; the contact's name, e-mail and phone are replaced by the
    pseudonym wherever they occur in free text, in any common spelling.
``omit``
    contact persons are removed with every reference to them (a group membership, which
    is nothing but a person, goes with it), and their names, e-mails and phones are replaced
    by ``[udeladt]`` (``[omitted]`` in English) in free text.

Under both, any e-mail address, phone number and CPR number in free text becomes
``[udeladt]``, whoever it belongs to. Names are only recognised for people the plan knows:
see ``docs/privacy.md`` for the rule and its limits.

The modules: :mod:`.patterns` (the shapes of e-mails, phones, CPR numbers and names),
:mod:`.people` (who is known), :mod:`.profiles` (the profiles and the walk).
"""

from __future__ import annotations

from .profiles import PRIVACY_PROFILES, Privacy, personal_fields, pseudonym, redact

__all__ = ["PRIVACY_PROFILES", "Privacy", "personal_fields", "pseudonym", "redact"]
