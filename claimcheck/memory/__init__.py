"""The claim memory: published fact-checks (schema.org ClaimReview) and the desk's own verdicts,
matched against every new claim so a reviewer sees "checked before" before checking again.

`feeds` reads ClaimReview files, `factchecks` stores and queries them, `matching` scores a claim
against candidates, `matches` stores what matched and what the reviewer made of it.
"""
