// Clean photographic portrait: natural skin, soft daylight. Renders on Leonardo Vision XL.
style('photoreal') {
    model 'Leonardo Vision XL'
    preset 'PHOTOGRAPHY'
    tokens 'photorealistic portrait', 'natural skin texture', 'soft window light', 'sharp focus on the eyes'
}
