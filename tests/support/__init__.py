"""What the test modules share: people, sample charts, servers, sockets, fakes and checks.

Test modules import helpers from here, never from one another; fixtures stay in the conftests.
"""
