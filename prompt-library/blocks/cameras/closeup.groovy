// A tight face close-up for checking identity details (eyes, scars, freckles).
camera('closeup') { tokens '100mm macro', 'tight close-up of the face', 'eye level' }
