"""The development server of ``make serve``: serve, rebuild on save, reload the browser."""
