"""Self-service: people sign up, answer matches, confirm meetings and pass the baton themselves.

Every mail the service sends carries signed, expiring, single-purpose links, so the relay runs
without logins and without staff typing what people already know. The package keeps its own
nodes (`:UsedLink`, `:Invitation`, `:SignUp`, `:MatchFlow`, `:MeetingFlow`) and calls the
matching and relay services for everything that belongs to them.
"""
