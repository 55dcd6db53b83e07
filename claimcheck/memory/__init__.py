"""The claim memory: published fact-checks (schema.org ClaimReview) and the desk's own verdicts,
matched against every new claim so a reviewer sees "checked before" before checking again.

`feeds` reads ClaimReview files, `factchecks` loads them, `words` keeps their word index,
`matching` scores a claim against candidates, `matches` finds and keeps what matched and what the
reviewer made of it. Every row they read or write goes through the store (store/factchecks.py,
store/matches.py).
"""
