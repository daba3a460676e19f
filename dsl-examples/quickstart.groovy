// Sitter quick start: one character, one look, four portraits.
//   bin/sitter run dsl-examples/quickstart.groovy --dry-run   (print the requests, send nothing)
//   bin/sitter run dsl-examples/quickstart.groovy             (generate; offline sandbox without a key)

// Who: the identity anchor is built from these fields, always in the same order,
// and opens every prompt for Mara. Anchor images are relative to this file.
character('mara') {
    name 'Mara Voss'
    age 34
    skin 'olive skin'
    hair 'short black bob with a silver streak'
    eyes 'green eyes'
    features 'scar on left cheek', 'light freckles'
    affect 'confident', 'calm'
    anchors {
        image 'anchors/mara/front.png', pose: 'frontal'
        image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
        image 'anchors/mara/profile.png', pose: 'profile'
    }
    reference strength: 'Mid'
}

// How it looks: a style, a lens and negatives from the shipped prompt library.
include 'blocks/styles/noir.groovy'
include 'blocks/cameras/portrait85.groovy'
include 'blocks/negatives/hard.groovy'

template('canonical') {
    style 'noir'
    camera 'portrait85'
    negatives 'hard'
    size 832, 1216
}

println mara.identity
generate mara, template: 'canonical', seed: 4242, count: 4
