// Strong negatives against the usual anatomy and text artefacts.
negatives('hard') { tokens 'extra fingers', 'mutated features', 'deformed face', 'asymmetric eyes', 'watermark', 'text', 'logo' }
