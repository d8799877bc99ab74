"""Parse adapters: per-language modules that rewrite a spaCy Doc whose model does not use Universal
Dependencies into the UD view the coder's engine reads (``newsevents.adapt.<lang>.adapt``; looked up by
:func:`newsevents.pipeline.parse_adapter`). A language whose model is UD already (French) has none. The label
tables are language data (``lang/<code>/syntax.yaml``, ``model_labels``); the code only moves heads."""
