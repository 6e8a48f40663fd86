package io.voidvm.servicekit.testapp;

import io.voidvm.servicekit.input.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Echoes notes: string fields of every shape, for the input rules' tests. */
@RestController
@RequestMapping("/api/v1/notes")
class NoteController {

    record Author(String name) {
    }

    record Note(@NotBlank String title, @MultilineText String body, List<String> tags, Map<String, String> labels,
                Author author, Boolean pinned, Integer stars, UUID parentId, Instant remindAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Note> create(@Valid @RequestBody Note note) {
        return Mono.just(note);
    }

    @GetMapping("/{noteId}")
    Mono<Map<String, String>> get(@PathVariable String noteId, @RequestParam(required = false) String q) {
        return Mono.just(Map.of("noteId", noteId, "q", q == null ? "" : q));
    }
}
