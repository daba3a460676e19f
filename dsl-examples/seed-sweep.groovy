// A seed sweep: one request per seed, so you can pick the seed that suits the character
// and pin it in later scripts. Cheap: small size, few steps, one image each.
include 'blocks/styles/painterly.groovy'
include 'blocks/cameras/closeup.groovy'
include 'blocks/negatives/soft.groovy'

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
}

template('sketch') {
    style 'painterly'
    camera 'closeup'
    negatives 'soft'
    size '512x768'
    steps 15
    poses 'frontal'          // only the frontal anchor: a close-up needs the face, not the profile
}

for (seed in [11, 42, 1234, 4242, 90210]) {
    generate mara, template: 'sketch', seed: seed, count: 1
}
