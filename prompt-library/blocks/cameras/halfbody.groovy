// Waist-up framing with some environment.
camera('halfbody') { tokens '50mm', 'waist-up shot', 'subject centred', 'background softly blurred' }
