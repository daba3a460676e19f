// Light negatives for stylised work where some distortion is wanted.
negatives('soft') { tokens 'blurry', 'low resolution', 'watermark', 'text' }
