"""Background jobs of the reader: one worker thread per kind of job, and the bar that polls it.

"Find word links" and the Proofread checks both take seconds on a book, so each runs in
a worker thread while the page stays usable; a fragment redraws the job's bar twice a
second and, when the job ends, asks for one full rerun that takes its result. A job
object only needs `future`, `fraction()` and `label()`; the worker writes plain attributes
and everything Streamlit happens in the page's own runs.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import streamlit as st

from .common import ss


@st.cache_resource
def worker(kind: str) -> ThreadPoolExecutor:
    """One thread for every session's jobs of this kind (the machine's cores are few, and
    one job at a time touches a shared evidence or cache)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix=kind)


@st.fragment(run_every=0.5)
def job_progress(key: str) -> None:
    """The bar of the job kept in session state under `key`, redrawn without rerunning
    the page; when the job ends, one full rerun takes its result."""
    job = ss.get(key)
    if job is None or job.future.done():
        # None: the run that drew this bar took the job's result after drawing it (a second
        # look at the findings further down the page), so the page still shows the state
        # before; without this rerun it stayed so, under a bar that never moved again
        st.rerun(scope="app")
    st.progress(job.fraction(), text=job.label())
