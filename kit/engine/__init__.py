"""The synthetic data-trail engine: one provider module per data domain; `pipeline` chains them."""
