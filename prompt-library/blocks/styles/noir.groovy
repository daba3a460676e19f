// Film noir: hard light, deep shadows, cinematic realism. Renders on Leonardo Kino XL.
style('noir') {
    model 'Leonardo Kino XL'
    preset 'CINEMATIC'
    tokens 'film noir', 'low-key lighting', 'hard rim light', 'photoreal'
}
