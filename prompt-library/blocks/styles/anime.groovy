// Anime key art: clean lines, flat cel shading. Renders on Leonardo Anime XL.
style('anime') {
    model 'Leonardo Anime XL'
    preset 'ANIME'
    tokens 'anime portrait', 'clean line art', 'cel shading', 'vibrant colours'
}
