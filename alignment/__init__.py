"""alignment: line up a text and its translation sentence by sentence.

Data flow, one module per stage: read -> segment -> embed -> align -> po (store)
-> checks -> app (browse). Shared types live in `types`, user-facing errors in
`errors`.
"""

__version__ = "0.1.0"
