// A style carried by a reference image as well as words, on a v1 SDXL model and on a v2 model.
character('ines') {
    name 'Ines Calder'
    age 27
    skin 'fair skin with a warm undertone'
    hair 'long auburn waves'
    eyes 'blue-grey eyes'
    features 'small mole above the lip'
    affect 'curious'
    anchors {
        image 'anchors/ines/front.png', pose: 'frontal'
        image 'anchors/ines/profile.png', pose: 'profile'
    }
}

// Style Reference (preprocessor 67 on Kino XL), strength High, next to Ines's Character Reference.
style('inked') {
    model 'Leonardo Kino XL'
    preset 'CINEMATIC'
    tokens 'high-contrast ink wash', 'monochrome'
    reference 'anchors/styles/noir.png', strength: 'High'
}

// The same idea on FLUX.2 Pro (API v2): references go to guidances.image_reference.
style('watercolour') {
    model 'flux-pro-2.0'
    tokens 'loose watercolour portrait', 'soft paper texture'
    reference 'anchors/styles/watercolour.png', strength: 'Mid'
}

camera('closeup') { tokens '100mm macro', 'tight close-up of the face' }
negatives('clean') { tokens 'watermark', 'text' }

template('ink') {
    style 'inked'
    camera 'closeup'
    negatives 'clean'
    size 768, 768
}

template('wash') {
    style 'watercolour'
    camera 'closeup'
    size 1024, 1024
}

generate ines, template: 'ink', seed: 77, count: 2
generate ines, template: 'wash', seed: 77, count: 1
