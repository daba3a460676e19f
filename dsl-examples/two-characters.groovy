// Two characters sharing one style: same template, same seed, two consistent faces.
include 'blocks/styles/photoreal.groovy'
include 'blocks/cameras/portrait85.groovy'
include 'blocks/negatives/hard.groovy'

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

character('theo') {
    name 'Theo Akande'
    age 41
    skin 'deep brown skin'
    hair 'close-cropped greying hair'
    eyes 'dark brown eyes'
    features 'neatly trimmed beard', 'round wire glasses'
    affect 'warm', 'thoughtful'
    anchors {
        image 'anchors/theo/front.png', pose: 'frontal'
        image 'anchors/theo/three-quarter.png', pose: 'three-quarter'
        image 'anchors/theo/profile.png', pose: 'profile'
    }
    reference strength: 'High'
}

template('studio') {
    style 'photoreal'
    camera 'portrait85'
    negatives 'hard'
    size 768, 1152
    steps 30
    guidance 7
}

// The same seed for both keeps lighting and composition comparable.
for (who in [mara, theo]) {
    generate who, template: 'studio', seed: 1234, count: 2
}
