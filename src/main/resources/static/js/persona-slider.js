// Persona sliders: the value and its band, updated as the slider moves.
document.querySelectorAll('.persona-slider').forEach(function (box) {
    var input = box.querySelector('input[type=range]');
    var out = box.querySelector('output');
    var band = box.querySelector('[data-role=band]');
    input.addEventListener('input', function () {
        var v = Number(input.value);
        var text = v < Number(box.dataset.mediumFrom) ? band.dataset.low
            : (v < Number(box.dataset.highFrom) ? band.dataset.medium : band.dataset.high);
        out.value = input.value;
        band.textContent = text;
        input.setAttribute('aria-valuetext', text);
    });
});
