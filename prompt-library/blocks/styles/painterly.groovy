// Oil painting: visible brush work, warm palette. Renders on Leonardo Phoenix 1.0 (sd_version PHOENIX is added for you).
style('painterly') {
    model 'Leonardo Phoenix 1.0'
    preset 'ILLUSTRATION'
    tokens 'oil painting portrait', 'visible brush strokes', 'warm earthy palette', 'canvas texture'
}
