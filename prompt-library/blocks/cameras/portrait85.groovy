// The classic head-and-shoulders portrait lens.
camera('portrait85') { tokens '85mm f/1.8', 'shallow depth of field', 'head and shoulders' }
